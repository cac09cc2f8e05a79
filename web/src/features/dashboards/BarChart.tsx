import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart as Bars } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the dashboards draw: bars, their grid and tooltip, the aria description and the SVG
// renderer. Everything else of echarts stays out of the bundle (ADR 0020).
echarts.use([Bars, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

export type ChartHandle = { svg: () => string; size: () => { width: number; height: number } };

export type BarChartProps = {
  /** The whole description screen readers get (echarts aria): title and data, in the reader's language. */
  description: string;
  labels: readonly string[];
  values: readonly number[];
  /** Horizontal bars for long category names (urusan). */
  horizontal?: boolean;
  /** Formats a value for the axis and tooltip in the reader's language. */
  format: (n: number) => string;
  onReady?: (handle: ChartHandle | null) => void;
};

const PRIMARY = '#0b5563';

/** A bar chart in SVG that follows its container's width (phones included). */
const BarChart = ({ description, labels, values, horizontal = false, format, onReady }: BarChartProps) => {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const chart = echarts.init(el, undefined, { renderer: 'svg' });
    // Category names get about a third of the width: 140 px on a desk, less on a phone.
    const labelWidth = Math.max(70, Math.min(140, Math.round(el.clientWidth * 0.35)));
    const category = { type: 'category' as const, data: [...labels], axisLabel: { width: horizontal ? labelWidth : 90, overflow: 'truncate' as const, interval: 0, hideOverlap: true } };
    const value = { type: 'value' as const, minInterval: 1, axisLabel: { formatter: (n: number) => format(n) } };
    chart.setOption({
      aria: { enabled: true, label: { description }, decal: { show: true } },
      animation: false,
      tooltip: { trigger: 'axis', valueFormatter: (n: unknown) => format(Number(n)) },
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? { ...category, inverse: true } : value,
      series: [{ type: 'bar', data: [...values], itemStyle: { color: PRIMARY }, barMaxWidth: 36 }],
    });
    onReady?.({ svg: () => chart.renderToSVGString(), size: () => ({ width: chart.getWidth(), height: chart.getHeight() }) });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);

    return () => {
      resize.disconnect();
      onReady?.(null);
      chart.dispose();
    };
  }, [description, labels, values, horizontal, format, onReady]);

  // role="img": echarts writes the aria description onto this element as its aria-label.
  return <div ref={box} role="img" aria-label={description} className="dash-chart-canvas" style={{ height: horizontal ? Math.max(180, labels.length * 30 + 40) : 260 }} />;
};

export default BarChart;
