import { Col, Row } from 'antd';
import { Children, type ReactNode } from 'react';

type PanelGridProps = {
  homeRole: string;
  children: ReactNode;
  /** A full-width panel above the others (the Today worklist). */
  lead?: ReactNode;
};

/** The root of every role's home page: panels two by two on wide screens, stacked on narrow ones. */
export const PanelGrid = ({ homeRole, children, lead }: PanelGridProps) => (
  <div data-testid={`home-${homeRole}`}>
    <Row gutter={[16, 16]}>
      {lead ? <Col span={24}>{lead}</Col> : null}
      {/* toArray drops the panels a role hides (false), so no empty cell is left. */}
      {Children.toArray(children).map((panel, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the panels of a role never reorder.
        <Col key={index} xs={24} lg={12}>
          {panel}
        </Col>
      ))}
    </Row>
  </div>
);
