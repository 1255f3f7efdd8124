// The echarts part of the timeline, loaded on demand: only the pieces used are bundled.
import { ScatterChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([ScatterChart, GridComponent, TooltipComponent, DataZoomComponent, CanvasRenderer]);

export interface TimelinePoint {
  id: string;
  time: number;
  category: number;
  label: string;
}

export function drawTimeline(
  el: HTMLElement,
  o: { rtl: boolean; categories: string[]; points: TimelinePoint[]; onPick(id: string): void },
): { dispose(): void; resize(): void } {
  const chart = echarts.init(el, undefined, { renderer: 'canvas' });
  const font = '"Noto Sans Arabic", sans-serif';
  chart.setOption({
    // drawn at once: a chart that is still animating is not what a screenshot or a quick glance should show
    animation: false,
    textStyle: { fontFamily: font },
    grid: { left: o.rtl ? 20 : 150, right: o.rtl ? 150 : 20, top: 20, bottom: 60 },
    tooltip: { trigger: 'item', formatter: (p: { data: { label: string } }) => escapeText(p.data.label) },
    xAxis: { type: 'time', inverse: o.rtl },
    yAxis: {
      type: 'category',
      data: o.categories,
      position: o.rtl ? 'right' : 'left',
      axisLabel: { fontFamily: font },
    },
    dataZoom: [
      { type: 'slider', xAxisIndex: 0, bottom: 10 },
      { type: 'inside', xAxisIndex: 0 },
    ],
    series: [
      {
        type: 'scatter',
        symbolSize: 12,
        data: o.points.map((p) => ({ value: [p.time, p.category], id: p.id, label: p.label })),
      },
    ],
  });
  chart.on('click', (p) => {
    const id = (p.data as { id?: string } | undefined)?.id;
    if (id) o.onPick(id);
  });
  return { dispose: () => chart.dispose(), resize: () => chart.resize() };
}

/** The tooltip formatter returns HTML: article-derived labels are escaped first. */
function escapeText(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
