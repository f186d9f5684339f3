import { useTheme } from '@material-ui/core/styles';
import type { DeliveryMetricsWeek } from '@stageline/plugin-environments-common';

const HEIGHT = 120;
const BAR = 14;
const GAP = 10;

/**
 * Deployments and failed changes per week as paired SVG bars. The numbers are also a table for
 * screen readers (the chart itself is hidden from them), so nothing lives only in the picture.
 */
export const WeeklyChart = ({ weeks }: { weeks: DeliveryMetricsWeek[] }) => {
  const theme = useTheme();
  const max = Math.max(1, ...weeks.flatMap(w => [w.deployments, w.failures]));
  const width = weeks.length * (2 * BAR + GAP) + GAP;
  const scale = (n: number) => Math.round((n / max) * (HEIGHT - 16));
  return (
    <figure style={{ margin: 0 }}>
      <svg
        width={width}
        height={HEIGHT + 4}
        viewBox={`0 0 ${width} ${HEIGHT + 4}`}
        aria-hidden="true"
        data-testid="weekly-chart"
      >
        {weeks.map((week, i) => {
          const x = GAP + i * (2 * BAR + GAP);
          return (
            <g key={week.start}>
              <rect
                x={x}
                y={HEIGHT - scale(week.deployments)}
                width={BAR}
                height={scale(week.deployments)}
                fill={theme.palette.primary.main}
              >
                <title>{`${week.start.slice(0, 10)}: ${
                  week.deployments
                } deployments`}</title>
              </rect>
              <rect
                x={x + BAR}
                y={HEIGHT - scale(week.failures)}
                width={BAR}
                height={scale(week.failures)}
                fill={theme.palette.error.main}
              >
                <title>{`${week.start.slice(0, 10)}: ${
                  week.failures
                } failed changes`}</title>
              </rect>
            </g>
          );
        })}
        <line
          x1={0}
          x2={width}
          y1={HEIGHT}
          y2={HEIGHT}
          stroke={theme.palette.divider}
        />
      </svg>
      <figcaption>
        <span style={{ color: theme.palette.primary.main }}>■</span> deployments{' '}
        <span style={{ color: theme.palette.error.main }}>■</span> failed
        changes, per week
      </figcaption>
    </figure>
  );
};
