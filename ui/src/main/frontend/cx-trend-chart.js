// <cx-trend-chart>: a metric's series against its target line and forecast, drawn with Chart.js.
// The server sets one JSON property, "config"; this element only draws it.
// Chart.js is imported on first use, not with this module: the production bundle evaluates every component's
// module before the first view paints (optimizeBundle is off), and Chart.js was the largest part of it while
// most views, the department view among them, draw no chart. The bundler puts it in a chunk of its own.
let chartJs;
function loadChartJs() {
  chartJs ??= import('chart.js').then(({
    Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Legend, Tooltip,
  }) => {
    Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Legend, Tooltip);
    return Chart;
  });
  return chartJs;
}

class CxTrendChart extends HTMLElement {
  static get observedAttributes() { return ['compact']; }

  connectedCallback() {
    if (!this._canvas) {
      this.style.display = 'block';
      this.style.position = 'relative';
      this._canvas = document.createElement('canvas');
      this._canvas.setAttribute('role', 'img');
      this.appendChild(this._canvas);
    }
    this._render();
  }

  disconnectedCallback() {
    if (this._chart) { this._chart.destroy(); this._chart = null; }
  }

  set config(json) { this._config = typeof json === 'string' ? JSON.parse(json) : json; this._render(); }
  get config() { return this._config; }

  attributeChangedCallback() { this._render(); }

  _render() {
    if (!this._canvas || !this._config) return;
    if (!this._Chart) {
      // drawn once Chart.js is loaded; _render then reads the config of that moment
      loadChartJs().then((Chart) => { this._Chart = Chart; if (this.isConnected) this._render(); });
      return;
    }
    const Chart = this._Chart;
    const c = this._config;
    const compact = this.hasAttribute('compact');
    this._canvas.setAttribute('aria-label', c.title || 'trend chart');
    const datasets = [{
      label: c.seriesLabel || 'actual', data: c.values, borderColor: c.color || '#1a73e8',
      backgroundColor: 'rgba(26,115,232,0.08)', fill: !compact, tension: 0.25, pointRadius: compact ? 0 : 2, spanGaps: true,
    }];
    if (c.target != null && !compact) {
      datasets.push({ label: c.targetLabel || 'target', data: c.labels.map(() => c.target), borderColor: '#2e7d32',
        borderDash: [6, 4], pointRadius: 0, fill: false });
    }
    if (c.forecast && !compact) {
      datasets.push({ label: c.forecastLabel || 'forecast', data: c.forecast, borderColor: '#f9a825',
        borderDash: [2, 3], pointRadius: 0, fill: false, spanGaps: true });
    }
    const options = {
      responsive: true, maintainAspectRatio: false, animation: false,
      plugins: { legend: { display: !compact }, tooltip: { enabled: !compact } },
      scales: { x: { display: !compact }, y: { display: !compact, suggestedMin: c.min, suggestedMax: c.max } },
    };
    if (this._chart) {
      this._chart.data = { labels: c.labels, datasets };
      this._chart.options = options;
      this._chart.update();
    } else {
      this._chart = new Chart(this._canvas, { type: 'line', data: { labels: c.labels, datasets }, options });
    }
  }
}

customElements.define('cx-trend-chart', CxTrendChart);
