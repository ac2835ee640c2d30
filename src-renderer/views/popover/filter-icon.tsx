/** A funnel, drawn like the shared icons (components/icons.tsx): decorative, the text says it. */
export function FilterIcon() {
  return (
    <svg
      className="icon"
      viewBox="0 0 16 16"
      width="16"
      height="16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M2.5 3.5h11L9.25 8.6v3.9l-2.5 1.2V8.6z" />
    </svg>
  );
}
