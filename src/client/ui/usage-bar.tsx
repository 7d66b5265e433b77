/** A native progress bar (role progressbar) with its accessible name. */
export const UsageBar = ({ label, value, max }: { readonly label: string; readonly value: number; readonly max: number }) => (
  <progress className="usage-bar" aria-label={label} value={Math.min(value, max)} max={max} />
);
