import { render } from 'preact';
import { Consent } from './Consent';
import '../popup/popup.css';
import './consent.css';

const root = document.getElementById('app');
if (root) render(<Consent />, root);
