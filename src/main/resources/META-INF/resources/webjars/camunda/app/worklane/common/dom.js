// Building DOM without HTML strings: every text goes in as a text node, so data never becomes markup.

/**
 * h('span', { className: 'label', title: 'x', onclick: fn, dataset: { id }, style: { width } }, 'text', node, [more])
 * Children may be strings, numbers, nodes, arrays or null/false (skipped).
 */
export function h(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === null || value === undefined || value === false) {
      continue;
    }
    if (key === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (key === 'style') {
      // through the CSSOM: no inline style attribute for the content security policy to weigh
      Object.assign(element.style, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'className' || key === 'textContent' || key === 'disabled' || key === 'type' ||
        key === 'value' || key === 'checked') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else if (child instanceof Node) {
      element.appendChild(child);
    } else {
      element.appendChild(document.createTextNode(String(child)));
    }
  }
}

/** Replaces the node's content. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/**
 * A plugin's node stays in use while it is in the document. The webapps attach it only after render() returns,
 * so a node that has never been attached counts as alive for a short while.
 */
export function liveness(node) {
  const born = Date.now();
  let attached = false;
  return () => {
    if (node.isConnected) {
      attached = true;
      return true;
    }
    return !attached && Date.now() - born < 5000;
  };
}

/** A glyphicon, as the webapps use them. */
export const icon = name => h('span', { className: `glyphicon glyphicon-${name}`, 'aria-hidden': 'true' });

/**
 * The rendered instances of one plugin. The webapps call a plugin's unmount() without arguments, and render() may have
 * run many times (once per card): unmount() stops the instances whose node has left the page. Their timers also
 * check alive() themselves, in case the node goes after unmount() ran.
 */
export function instances() {
  const live = new Set();
  const sweep = () => {
    for (const entry of [...live]) {
      if (!entry.alive()) {
        live.delete(entry);
        entry.stops.forEach(stop => stop());
      }
    }
  };
  return {
    add(node) {
      const entry = { alive: liveness(node), stops: [] };
      live.add(entry);
      return { alive: entry.alive, onStop: stop => entry.stops.push(stop) };
    },
    unmount() {
      sweep();
      // the webapp may take the node out a moment after it destroyed the plugin's scope
      setTimeout(sweep, 1000);
    }
  };
}
