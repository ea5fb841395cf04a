// Charts for the insights pages: Apache ECharts from the application's webjar. It is loaded when the first chart is
// drawn, not with the plugins: a megabyte of script that the other Cockpit pages never need.

import { fill, h } from '../../../worklane/common/dom.js';
import { measureText } from './insights-format.js';

const ECHARTS = '/webjars/echarts/5.3.1/dist';
const HEIGHT = '320px';
// beyond this many categories (e.g. 15-minute intervals over a week) the chart gets a zoom slider
const ZOOM_FROM = 48;

let library = null;

/** The echarts module: the ES module build, else the classic build through a <script> (window.echarts). */
export function loadECharts() {
  if (!library) {
    library = import(`${ECHARTS}/echarts.esm.min.js`)
      .catch(() => loadScript(`${ECHARTS}/echarts.min.js`))
      .catch(error => {
        library = null; // the next chart tries again
        throw error;
      });
  }
  return library;
}

function loadScript(src) {
  if (window.echarts) {
    return Promise.resolve(window.echarts);
  }
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => (window.echarts ? resolve(window.echarts)
      : reject(new Error('the chart library did not load')));
    script.onerror = () => reject(new Error('the chart library could not be loaded'));
    document.head.appendChild(script);
  });
}

/** An axis or tooltip figure by the series' unit: ratios as %, seconds as a duration. */
const valueText = unit => value => measureText(value, unit || 'count');

/**
 * The ECharts option of a bar or line chart. data: { categories, series: [{ name, data, unit }] }. Series of two
 * units (e.g. counts and a service level) get an axis each: a ratio on the scale of counts would lie flat at zero.
 */
export function chartOption(type, { categories, series }) {
  const units = [...new Set(series.map(entry => entry.unit || 'count'))].slice(0, 2);
  const zoom = categories.length > ZOOM_FROM;
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 12, right: 12, top: 36, bottom: zoom ? 48 : 8, containLabel: true },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: units.map((unit, index) => ({
      type: 'value',
      position: index === 0 ? 'left' : 'right',
      ...(unit === 'ratio' ? { min: 0, max: 1 } : {}),
      splitLine: { show: index === 0 },
      axisLabel: { formatter: valueText(unit) }
    })),
    dataZoom: zoom ? [{ type: 'inside' }, { type: 'slider', bottom: 8 }] : [],
    series: series.map(entry => ({
      name: entry.name,
      type,
      data: entry.data,
      yAxisIndex: Math.max(0, units.indexOf(entry.unit || 'count')),
      showSymbol: type === 'line' && categories.length <= ZOOM_FROM,
      tooltip: { valueFormatter: valueText(entry.unit) }
    }))
  };
}

/**
 * Draws a chart in a new .worklane-chart appended to node. Returns { node, ready, update(data), dispose() }:
 * the page disposes it when it unmounts or draws another. It follows the window's and its own size.
 */
export function chart(node, type, data) {
  const container = h('div', { className: 'worklane-chart', style: { height: HEIGHT } });
  node.appendChild(container);
  let instance = null;
  let disposed = false;
  let latest = data;
  const resize = () => {
    if (instance) {
      instance.resize();
    }
  };
  // the container may get its width only once the page is attached
  const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(resize) : null;

  const ready = loadECharts().then(echarts => {
    if (disposed) {
      return;
    }
    instance = echarts.init(container, null, { renderer: 'canvas' });
    instance.setOption(chartOption(type, latest), true);
    window.addEventListener('resize', resize);
    if (observer) {
      observer.observe(container);
    }
  }, error => {
    if (!disposed) {
      fill(container, h('p', { className: 'text-muted worklane-chart-problem' },
        `The chart cannot be drawn: ${error.message}. The table below has the same figures.`));
    }
  });

  return {
    node: container,
    ready,
    update(next) {
      latest = next;
      if (instance) {
        instance.setOption(chartOption(type, next), true);
      }
    },
    dispose() {
      disposed = true;
      window.removeEventListener('resize', resize);
      if (observer) {
        observer.disconnect();
      }
      if (instance) {
        instance.dispose();
        instance = null;
      }
      container.remove();
    }
  };
}

/** A bar chart: barChart(node, { categories, series: [{ name, data, unit }] }). */
export const barChart = (node, data) => chart(node, 'bar', data);

/** A line chart, as barChart. */
export const lineChart = (node, data) => chart(node, 'line', data);
