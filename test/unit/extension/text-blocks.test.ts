// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { locate, textBlocks, OWN_UI_ATTRIBUTE } from '../../../extension/content/text-blocks';

function blocksOf(html: string) {
  document.body.innerHTML = html;
  return [...textBlocks(document.body)];
}

describe('textBlocks', () => {
  it('joins the inline text of a paragraph into one block and maps offsets back to the nodes', () => {
    const [block] = blocksOf('<p>Alibaba will invest <b>RMB 380</b> billion (<i>US$53bn</i>).</p>');
    expect(block!.text).toBe('Alibaba will invest RMB 380 billion (US$53bn).');
    const start = block!.text.indexOf('US$53bn');
    const at = locate(block!, start);
    expect(at.node.data).toBe('US$53bn');
    expect(at.offset).toBe(0);
    const end = locate(block!, start + 'US$53bn'.length, true);
    expect(end.node.data).toBe('US$53bn');
    expect(end.offset).toBe(7);
  });

  it('makes each paragraph, list item and cell a block of its own', () => {
    const blocks = blocksOf('<p>One</p><ul><li>Two</li><li>Three</li></ul><table><tr><td>Four</td><td>Five</td></tr></table>');
    expect(blocks.map((b) => b.text)).toEqual(['One', 'Two', 'Three', 'Four', 'Five']);
  });

  it('skips form fields, code, scripts, styles, editable and hidden regions, and Footnote’s own UI', () => {
    const blocks = blocksOf(`
      <p>kept</p>
      <textarea>RMB 380 billion</textarea><pre><code>$53bn</code></pre><script>var a = "$1bn"</script><style>p{}</style>
      <div contenteditable="true">editable $5bn</div><div hidden>hidden $5bn</div><div aria-hidden="true">aria $5bn</div>
      <div ${OWN_UI_ATTRIBUTE}>card $5bn</div><select><option>$5bn</option></select>`);
    expect(blocks.map((b) => b.text.trim())).toEqual(['kept']);
  });

  it('does not run words together across a line break', () => {
    const [block] = blocksOf('<p>Grab<br>names AWS</p>');
    expect(block!.text).toBe('Grab\nnames AWS');
  });

  it('leaves out blocks that are only white space', () => {
    expect(blocksOf('<div>   </div><p> x </p>').map((b) => b.text)).toEqual([' x ']);
  });
});
