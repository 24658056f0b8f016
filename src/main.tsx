import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bindReviewPersistence } from './bim/review/bindReviewPersistence';
import './app/styles.css';

// Cesium fetches its workers and bundled assets (NaturalEarthII) from here, our own origin — read lazily, so
// setting it before the first scene is created is enough.
(window as Window & { CESIUM_BASE_URL?: string }).CESIUM_BASE_URL = `${import.meta.env.BASE_URL}cesium/`;

// Saved reviews are read back before the Thẩm định BIM panel needs them; every change is written as it happens.
bindReviewPersistence();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
