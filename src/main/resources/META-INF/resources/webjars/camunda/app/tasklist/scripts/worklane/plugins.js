// Worklane's Tasklist plugins (config.js lists this module). Plain ES modules served from the application's jar.

import card from './card.js';
import day from './day.js';
import item from './item.js';
import presence from './presence.js';
import workbin from './workbin.js';

// One stylesheet: Worklane's look, and Tasklist's controls that would break routing hidden (the server refuses them).
if (!document.querySelector('link[data-worklane]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./worklane.css', import.meta.url).href;
  link.dataset.worklane = '';
  document.head.appendChild(link);
}

export default [presence, workbin, day, card, item];
