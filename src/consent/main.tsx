import { render } from 'preact';
import { declareLanguage } from '../shared/i18n';
import { Consent } from './Consent';
import '../popup/popup.css';
import './consent.css';

declareLanguage(document);
const root = document.getElementById('app');
if (root) render(<Consent />, root);
