import { render } from 'preact';
import { declareLanguage } from '../shared/i18n';
import { Options } from './Options';
import './options.css';

declareLanguage(document);
const root = document.getElementById('app');
if (root) render(<Options />, root);
