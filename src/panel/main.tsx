import { render } from 'preact';
import '../popup/popup.css';
import { Panel } from './Panel';
import './panel.css';

const root = document.getElementById('app');
if (root) render(<Panel />, root);
