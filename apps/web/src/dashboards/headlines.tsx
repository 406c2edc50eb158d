import type { ReactNode } from 'react';
import { DrillButton, type Drill } from './dashboard-context';
import type { Change } from './format';

export type Headline = {
  id: string;
  label: string;
  value: string;
  change: Change | null;
  detail?: ReactNode;
  drill?: Drill;
};

const arrows = { up: '▲', down: '▼', flat: '■' } as const;

const ChangeBadge = ({ change }: { change: Change }) => (
  <span className={`kpi__change kpi__change--${change.tone}`} data-testid="kpi-change">
    <span aria-hidden="true">
      {arrows[change.direction]} {change.text}
    </span>
    <span className="ui-visually-hidden">{change.description}</span>
  </span>
);

/** The headline numbers, each with its change on the previous period when one was asked for. */
export const Headlines = ({ items }: { items: readonly Headline[] }) => (
  <section aria-labelledby="headline-numbers">
    <h2 id="headline-numbers" className="ui-visually-hidden">
      Headline numbers
    </h2>
    <ul className="kpi-grid">
      {items.map((item) => (
        <li key={item.id} className="kpi" data-testid="kpi" data-kpi={item.id}>
          <span className="kpi__label">{item.label}</span>
          <span className="kpi__figures">
            {item.drill ? (
              <DrillButton
                drill={item.drill}
                className="kpi__value kpi__value--drill"
                label={`${item.label}: ${item.value}. List them`}
              >
                <span data-testid="kpi-value">{item.value}</span>
              </DrillButton>
            ) : (
              <span className="kpi__value" data-testid="kpi-value">
                {item.value}
              </span>
            )}
            {item.change && <ChangeBadge change={item.change} />}
          </span>
          {item.detail && <span className="kpi__detail">{item.detail}</span>}
        </li>
      ))}
    </ul>
  </section>
);
