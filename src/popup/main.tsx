import { render } from 'preact';
import { declareLanguage } from '../shared/i18n';
import { App } from './App';
import './popup.css';

declareLanguage(document);
const root = document.getElementById('app');
if (root) render(<App />, root);
