import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';

/** The slice of an ECharts option this app builds; kept loose so echarts' types load with the chart. */
export type ChartOption = Record<string, unknown>;

export type ChartPoint = { name: string; seriesName: string | undefined; dataIndex: number };

type EChartsInstance = {
  setOption: (option: ChartOption, notMerge?: boolean) => void;
  resize: () => void;
  dispose: () => void;
  on: (event: 'click', handler: (params: ChartPoint) => void) => void;
};

/**
 * A chart on ECharts, loaded on first use (its own chunk: the login and home pages never carry it).
 * `onPointClick` gets the clicked bar or point, e.g. to open the drill-down of that figure.
 */
export const ReportChart = ({
  option,
  height = 320,
  testId,
  ariaLabel,
  onPointClick,
}: {
  option: ChartOption;
  height?: number;
  testId: string;
  ariaLabel: string;
  onPointClick?: (point: ChartPoint) => void;
}) => {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsInstance | null>(null);
  const clickHandler = useRef(onPointClick);
  clickHandler.current = onPointClick;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | undefined;
    void import('echarts').then((echarts) => {
      if (disposed || !element.current) return;
      const instance = echarts.init(element.current, undefined, {
        renderer: 'canvas',
      }) as unknown as EChartsInstance;
      instance.on('click', (params) => clickHandler.current?.(params));
      chart.current = instance;
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(element.current);
      setReady(true);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, true);
  }, [option, ready]);

  return (
    <div style={{ position: 'relative', height }}>
      {ready ? null : <Skeleton active style={{ position: 'absolute', inset: 0 }} />}
      <div
        ref={element}
        role="img"
        aria-label={ariaLabel}
        data-testid={testId}
        data-ready={ready ? 'true' : 'false'}
        style={{ width: '100%', height }}
      />
    </div>
  );
};
