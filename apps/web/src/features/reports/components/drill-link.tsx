import { Button } from 'antd';

/** A figure of a report table that opens the customers behind it (disabled at zero). */
export const DrillLink = ({
  value,
  onClick,
  testId,
}: {
  value: number;
  onClick: () => void;
  testId: string;
}) => (
  <Button type="link" size="small" disabled={value === 0} onClick={onClick} data-testid={testId}>
    {value}
  </Button>
);
