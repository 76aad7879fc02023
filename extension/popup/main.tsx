import { render } from 'preact';
import { App } from './app';
import '../shared/ui/theme.css';
import '../shared/ui/series-chart.css';
import './popup.css';

render(<App />, document.getElementById('app')!);
