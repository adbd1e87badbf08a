import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WallPage } from './wall/WallPage';
import { theme } from './theme';

document.body.style.margin = '0';
document.body.style.background = theme.background;

// One route for now; the console and the PR view join as their issues land.
if (window.location.pathname === '/' || window.location.pathname === '') {
  window.history.replaceState(null, '', '/wall');
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WallPage />
  </StrictMode>,
);
