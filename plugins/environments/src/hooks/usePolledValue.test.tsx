import { act, renderHook, waitFor } from '@testing-library/react';
import { usePolledValue } from './usePolledValue';

describe('usePolledValue', () => {
  afterEach(() => jest.useRealTimers());

  it('reloads on the interval', async () => {
    jest.useFakeTimers();
    let calls = 0;
    const load = async () => ++calls;
    const { result } = renderHook(() => usePolledValue('k', load, 10_000));
    await waitFor(() => expect(result.current.value).toBe(1));
    await act(async () => {
      jest.advanceTimersByTime(10_000);
    });
    await waitFor(() => expect(result.current.value).toBe(2));
  });

  it('keeps the previous value while refreshing and after a failed refresh', async () => {
    let fail = false;
    const load = async () => {
      if (fail) throw new Error('cluster gone');
      return 'v1';
    };
    const { result } = renderHook(() => usePolledValue('k', load, 60_000));
    await waitFor(() => expect(result.current.value).toBe('v1'));
    fail = true;
    await act(() => result.current.refresh());
    expect(result.current.value).toBe('v1');
    expect(result.current.loading).toBe(false);
    expect(result.current.error?.message).toBe('cluster gone');
  });

  it('starts over, dropping stale answers, when the key changes', async () => {
    const { result, rerender } = renderHook(
      ({ key }) => usePolledValue(key, async () => key, 60_000),
      { initialProps: { key: 'a' } },
    );
    await waitFor(() => expect(result.current.value).toBe('a'));
    rerender({ key: 'b' });
    await waitFor(() => expect(result.current.value).toBe('b'));
  });

  it('keeps the value on screen, not loading, when only the interval changes', async () => {
    jest.useFakeTimers();
    let calls = 0;
    const load = async () => ++calls;
    const { result, rerender } = renderHook(
      ({ interval }) => usePolledValue('k', load, interval),
      { initialProps: { interval: 10_000 } },
    );
    await waitFor(() => expect(result.current.value).toBe(1));
    rerender({ interval: 2_000 });
    expect(result.current).toMatchObject({ value: 1, loading: false });
    await act(async () => {
      jest.advanceTimersByTime(2_000);
    });
    await waitFor(() => expect(result.current.value).toBe(2));
  });
});
