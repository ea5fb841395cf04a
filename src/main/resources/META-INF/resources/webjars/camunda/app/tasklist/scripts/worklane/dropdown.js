// A Bootstrap 3 dropdown without Bootstrap's JavaScript (Tasklist uses AngularUI's, which plugins cannot reach).

import { h } from '../../../worklane/common/dom.js';

const open = new Set();

document.addEventListener('click', event => {
  for (const dropdown of [...open]) {
    if (!dropdown.root.contains(event.target)) {
      dropdown.close();
    }
  }
});

document.addEventListener('keydown', event => {
  if (event.key === 'Escape') {
    [...open].forEach(dropdown => dropdown.close());
  }
});

/**
 * toggle: the children of the link that opens it; menu: the element with class dropdown-menu.
 * onOpen runs each time it opens. Returns { root, toggle, close }.
 */
export function dropdown({ className, toggle, menu, onOpen, title }) {
  const link = h('a', {
    href: '', className: 'dropdown-toggle', role: 'button', 'aria-haspopup': 'true', 'aria-expanded': 'false', title
  }, toggle);
  const root = h('div', { className: `dropdown ${className}` }, link, menu);
  const self = {
    root,
    toggle: link,
    close() {
      root.classList.remove('open');
      link.setAttribute('aria-expanded', 'false');
      open.delete(self);
    }
  };
  link.addEventListener('click', event => {
    event.preventDefault();
    if (root.classList.contains('open')) {
      self.close();
      return;
    }
    [...open].forEach(other => other.close());
    root.classList.add('open');
    link.setAttribute('aria-expanded', 'true');
    open.add(self);
    if (onOpen) {
      onOpen();
    }
  });
  return self;
}
