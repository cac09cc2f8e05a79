import * as echarts from 'echarts';

/**
 * Charts for the PDF, rendered on the server by echarts to an SVG string (no canvas, no browser),
 * then embedded by pdfmake as vector graphics. Animation is off: the first frame is the chart.
 */
export const barChartSvg = ({ title, entries, width = 480, height = 220 }: { title: string; entries: readonly { label: string; value: number }[]; width?: number; height?: number }) => {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      title: { text: title, left: 'center', textStyle: { fontSize: 12 } },
      grid: { left: 40, right: 16, top: 36, bottom: 48 },
      xAxis: { type: 'category', data: entries.map((e) => e.label), axisLabel: { interval: 0, rotate: entries.length > 4 ? 30 : 0, fontSize: 9 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: entries.map((e) => e.value), itemStyle: { color: '#1d4ed8' }, label: { show: true, position: 'top', fontSize: 9 } }],
    });

    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
};
