// The palette's forms for the moves on legal authorities: each has a description and builds a move
// the schema accepts and the model applies.
import { describe, expect, it } from 'vitest';
import { applyMove } from '../src/model/reducers/index.js';
import { moveSchema } from '../src/scenario/schema/moves.js';
import { buildMove, initialValues, MOVE_FORMS } from '../src/tui/palette/forms.js';
import { eveState } from './helpers/state.js';

const form = (type: string) => MOVE_FORMS.find((f) => f.type === type)!;

describe('the palette: court_voids_authority, congress_extends, refund_duties', () => {
  it('lists the three with descriptions', () => {
    for (const t of ['court_voids_authority', 'congress_extends', 'refund_duties', 'request_continuation']) {
      expect(form(t).actors).toEqual(['us']);
      expect(form(t).about?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it('voids IEEPA, then refunds its duties over one phase, as the schema and the model take them', () => {
    const s0 = eveState();
    const court = form('court_voids_authority');
    const values = initialValues(court, s0, 'us');
    values[court.fields.findIndex((f) => f.name === 'authority')] = 'ieepa';
    values[court.fields.findIndex((f) => f.name === 'stop')] = '3';
    const voidMove = moveSchema.parse(buildMove(court, 'us', values, s0));
    expect(voidMove).toEqual({ type: 'court_voids_authority', actor: 'us', authority: 'ieepa', stop: 3 });
    const voided = applyMove(s0, voidMove, { source: 'user' }).state;

    const refund = form('refund_duties');
    // Only a voided authority is offered.
    expect(refund.fields[0].options!(s0, 'us')).toEqual([]);
    expect(refund.fields[0].options!(voided, 'us')).toEqual(['ieepa']);
    const rv = initialValues(refund, voided, 'us');
    rv[refund.fields.findIndex((f) => f.name === 'amount_bn')] = '12';
    rv[refund.fields.findIndex((f) => f.name === 'from')] = '4';
    rv[refund.fields.findIndex((f) => f.name === 'until')] = '10';
    const move = moveSchema.parse(buildMove(refund, 'us', rv, voided));
    expect(move).toEqual({ type: 'refund_duties', actor: 'us', authority: 'ieepa', amount_bn: 12, schedule: [{ from: 4, until: 10, amount_bn: 12 }] });
    const out = applyMove(voided, move, { source: 'user' }).state;
    expect(out.refunds).toEqual([{ label: 'IEEPA refunds', from_step: 4, until_step: 10, per_step_bn: 2 }]);
  });

  it('offers congress_extends only time-limited authorities', () => {
    expect(form('congress_extends').fields[0].options!(eveState(), 'us')).toEqual(['section_122']);
  });
});
