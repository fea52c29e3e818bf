// A thin Apache ECharts element for Vaadin: the server sends the whole option as JSON and the
// element draws it as SVG (sharp when printed). Only the parts the product uses are bundled.
// Two additions to the plain ECharts option, because functions cannot travel as JSON:
//   axis.smFormat: 'count' | 'percent'  value-axis labels in Vietnamese figures (1.234; 22,0%)
//   smTooltips: [text per category]      the tooltip of each category, shown as text, "\n" a line
//   a category axis' axisLabel.width       the widest its names may be; narrower on a narrow screen
// Once drawn, the element carries data-rendered (how many times), data-series and data-categories.
import * as echarts from 'echarts/core';
import {BarChart, ScatterChart} from 'echarts/charts';
import {GridComponent, LegendComponent, TooltipComponent} from 'echarts/components';
import {SVGRenderer} from 'echarts/renderers';

echarts.use([BarChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// Figures are written the Vietnamese way whatever the interface language, as in the tables.
const COUNT = new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 0});
const PERCENT = new Intl.NumberFormat('vi-VN', {maximumFractionDigits: 1});
const FORMATS = {
  count: (v) => COUNT.format(v),
  percent: (v) => PERCENT.format(v) + '%',
};

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

// The width a chart is drawn at for print: 170 mm at 96 dpi, as styles.css sets it for print.
const PRINT_WIDTH = 642;
// Category names take at most this share of the chart's width; the bars need the rest.
const LABEL_SHARE = 0.35;

function axes(option) {
  return ['xAxis', 'yAxis'].flatMap((key) => option[key] == null ? [] : [].concat(option[key]));
}

class SmChart extends HTMLElement {
  constructor() {
    super();
    this._rendered = 0;
    this._print = window.matchMedia('print');
    this._beforePrint = () => this._resize(PRINT_WIDTH);
    this._afterPrint = () => this._resize();
    this._printChange = (e) => this._resize(e.matches ? PRINT_WIDTH : undefined);
  }

  connectedCallback() {
    this._ensureChart();
    // The printed page is narrower than the screen, and an SVG is not redrawn by the print
    // layout: draw it at the print width before printing (synchronously), and back after.
    window.addEventListener('beforeprint', this._beforePrint);
    window.addEventListener('afterprint', this._afterPrint);
    this._print.addEventListener('change', this._printChange);
  }

  disconnectedCallback() {
    // Vaadin may detach and re-attach the element (navigation): keep the chart, drop the listeners.
    window.removeEventListener('beforeprint', this._beforePrint);
    window.removeEventListener('afterprint', this._afterPrint);
    this._print.removeEventListener('change', this._printChange);
  }

  _ensureChart() {
    if (this.chart) {
      return this.chart;
    }
    if (!this.style.display) {
      this.style.display = 'block';
    }
    this.chart = echarts.init(this, null, {renderer: 'svg'});
    this.chart.on('finished', () => {
      this._rendered += 1;
      this.setAttribute('data-rendered', String(this._rendered));
    });
    new ResizeObserver(() => this._resize()).observe(this);
    return this.chart;
  }

  /** Redraws at the element's width, or at {@code width} (print), at once. */
  _resize(width) {
    const chart = this.chart;
    if (width) {
      chart.dispatchAction({type: 'hideTip'});
    }
    // 'auto' again after print: a width once given stays until replaced
    chart.resize({width: width || 'auto', height: 'auto'});
    const labels = this._fittedLabels(width || this.clientWidth);
    if (labels) {
      chart.setOption({[this._labelAxis.key]: {axisLabel: {width: labels}}});
    }
    chart.getZr().flush();
  }

  /** The category names' width for a chart this wide, if it changed since last drawn. */
  _fittedLabels(chartWidth) {
    if (!this._labelAxis || !chartWidth) {
      return null;
    }
    const width = Math.max(64, Math.min(this._labelAxis.width, Math.round(chartWidth * LABEL_SHARE)));
    if (width === this._labelWidth) {
      return null;
    }
    this._labelWidth = width;
    return width;
  }

  /** Replaces the whole chart with the option given as JSON. */
  setOption(json) {
    const option = JSON.parse(json);
    axes(option).forEach((axis) => {
      const format = FORMATS[axis.smFormat];
      delete axis.smFormat;
      if (format) {
        axis.axisLabel = Object.assign({}, axis.axisLabel, {formatter: format});
      }
    });
    const tooltips = option.smTooltips;
    delete option.smTooltips;
    if (tooltips && option.tooltip) {
      option.tooltip.formatter = (params) => {
        const first = [].concat(params)[0];
        const text = first == null ? null : tooltips[first.dataIndex];
        return text == null ? '' : String(text).split('\n').map(escapeHtml).join('<br>');
      };
    }
    const categories = axes(option).find((a) => a.type === 'category');
    this._labelAxis = null;
    this._labelWidth = null;
    if (categories && categories.axisLabel && categories.axisLabel.width) {
      this._labelAxis = {key: option.yAxis === categories ? 'yAxis' : 'xAxis', width: categories.axisLabel.width};
      categories.axisLabel.width = this._fittedLabels(this.clientWidth) || categories.axisLabel.width;
    }
    this.setAttribute('data-series', String((option.series || []).length));
    this.setAttribute('data-categories', String(categories && categories.data ? categories.data.length : 0));
    this._ensureChart().setOption(option, {notMerge: true});
  }
}

customElements.define('sm-chart', SmChart);
