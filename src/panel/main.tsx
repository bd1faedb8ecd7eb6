import { render } from 'preact';
import '../popup/popup.css';
import { declareLanguage } from '../shared/i18n';
import { Panel } from './Panel';
import './panel.css';

declareLanguage(document);
const root = document.getElementById('app');
if (root) render(<Panel />, root);
