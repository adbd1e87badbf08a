import { format } from './rule-reasons';

describe('numbers in reasons', () => {
  it.each([
    [-0.6234, '-0.62'],
    [0.4, '0.4'],
    [62.45, '62.45'],
    [12_400, '12,400'],
    [-1_234_567.891, '-1,234,567.89'],
    [-0.001, '0'],
    [999.999, '1,000'],
  ])('writes %p as "%s"', (value, written) => {
    expect(format(value)).toBe(written);
  });
});
