import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import type {
  FleetQuery,
  FleetStateFilter,
} from '@stageline/plugin-environments-common';

const STATES: Array<{ value: FleetStateFilter | ''; label: string }> = [
  { value: '', label: 'Any state' },
  { value: 'drifted', label: 'Drifted' },
  { value: 'failing', label: 'Failing' },
  { value: 'waiting-for-approval', label: 'Waiting for approval' },
];

const list = (text: string) =>
  text
    .split(',')
    .map(v => v.trim())
    .filter(Boolean);

/** The fleet's filters as people set them; what they type becomes the fleet query. */
export type FleetFilterValues = {
  search: string;
  state: FleetStateFilter | '';
  mine: boolean;
  system: string;
  owner: string;
  lifecycle: string;
};

const STATE_VALUES = new Set<string>(STATES.map(s => s.value).filter(Boolean));

/** The filter values a page address holds (`?system=shop&mine=true`), so views can be shared. */
export function filtersFromParams(params: URLSearchParams): FleetFilterValues {
  const state = params.get('state') ?? '';
  return {
    search: params.get('search') ?? '',
    state: STATE_VALUES.has(state) ? (state as FleetStateFilter) : '',
    mine: params.get('mine') === 'true',
    system: params.get('system') ?? '',
    owner: params.get('owner') ?? '',
    lifecycle: params.get('lifecycle') ?? '',
  };
}

/** The page address's query for filter values: only those set. */
export function paramsFromFilters(values: FleetFilterValues): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [
    'search',
    'state',
    'system',
    'owner',
    'lifecycle',
  ] as const) {
    if (values[key]) params.set(key, values[key]);
  }
  if (values.mine) params.set('mine', 'true');
  return params;
}

/** The fleet query the filter values ask for. */
export function toFleetQuery(values: FleetFilterValues): FleetQuery {
  return {
    search: values.search.trim() || undefined,
    state: values.state ? [values.state] : undefined,
    mine: values.mine || undefined,
    system: list(values.system).length ? list(values.system) : undefined,
    owner: list(values.owner).length ? list(values.owner) : undefined,
    lifecycle: list(values.lifecycle).length
      ? list(values.lifecycle)
      : undefined,
  };
}

/** Search, state, "owned by me or my groups", system, owner and lifecycle. */
export const FleetFilters = ({
  values,
  onChange,
}: {
  values: FleetFilterValues;
  onChange: (values: FleetFilterValues) => void;
}) => {
  const set = <K extends keyof FleetFilterValues>(
    key: K,
    value: FleetFilterValues[K],
  ) => onChange({ ...values, [key]: value });
  const text = (
    key: 'search' | 'system' | 'owner' | 'lifecycle',
    label: string,
    helper?: string,
  ) => (
    <Grid item xs={12} sm={6} md={2}>
      <TextField
        id={`fleet-filter-${key}`}
        label={label}
        value={values[key]}
        onChange={e => set(key, e.target.value)}
        helperText={helper}
        size="small"
        variant="outlined"
        fullWidth
      />
    </Grid>
  );
  return (
    <Grid container spacing={2} alignItems="flex-start">
      {text('search', 'Search', 'Service name or version')}
      <Grid item xs={12} sm={6} md={2}>
        <TextField
          id="fleet-filter-state"
          select
          label="State"
          value={values.state}
          onChange={e => set('state', e.target.value as FleetStateFilter | '')}
          size="small"
          variant="outlined"
          fullWidth
        >
          {STATES.map(s => (
            <MenuItem key={s.value} value={s.value}>
              {s.label}
            </MenuItem>
          ))}
        </TextField>
      </Grid>
      {text('system', 'System', 'e.g. shop')}
      {text('owner', 'Owner', 'e.g. team-a')}
      {text('lifecycle', 'Lifecycle')}
      <Grid item xs={12} sm={6} md={2}>
        <FormControlLabel
          control={
            <Checkbox
              checked={values.mine}
              onChange={e => set('mine', e.target.checked)}
            />
          }
          label="Owned by me or my groups"
        />
      </Grid>
    </Grid>
  );
};
