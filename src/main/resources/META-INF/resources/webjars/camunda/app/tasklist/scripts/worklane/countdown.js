// The time a MANUAL agent has left to answer an offer before it goes to someone else (RONA), ticking.

import { serverNow } from '../../../worklane/common/http.js';
import { h } from '../../../worklane/common/dom.js';
import { clock } from '../../../worklane/common/format.js';

/** A label that counts down to expiresAt every second while alive() says its node is in use. */
export function countdown(expiresAt, alive) {
  const expires = Date.parse(expiresAt);
  const label = h('span', {
    className: 'label label-warning worklane-countdown', title: 'Answer before the offer times out'
  });
  const tick = () => {
    const left = (expires - serverNow()) / 1000;
    label.textContent = left > 0 ? `Answer within ${clock(left)}` : 'Offer expired';
    label.classList.toggle('label-danger', left <= 30);
    label.classList.toggle('label-warning', left > 30);
    return left > 0;
  };
  tick();
  const ticking = setInterval(() => {
    if (!alive() || !tick()) {
      clearInterval(ticking);
    }
  }, 1000);
  return label;
}
