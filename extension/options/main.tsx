import { render } from 'preact';
import { OptionsApp } from './options-app';
import '../shared/ui/theme.css';
import './options.css';

render(<OptionsApp />, document.getElementById('app')!);
