import { createRoot } from 'react-dom/client';
import { App } from './components/App.js';
import './styles/app.css';
import './styles/editor.css';

createRoot(document.getElementById('root')!).render(<App />);
