import { describe, expect, it } from 'vitest';
import { checkFlowControl, FLOW_CONTROL } from '../../src/protocol/flowControl';
import { ACK_BATCH_UNITS } from '../../src/client/flowControl';
import { FLOW } from '../../server/terminals/core/flowControl';

describe('the flow-control numbers both ends share', () => {
  it('keep the page’s ack batch under the server’s low watermark, and the low under the high', () => {
    expect(FLOW_CONTROL.ackBatch).toBeLessThan(FLOW_CONTROL.lowWatermark);
    expect(FLOW_CONTROL.lowWatermark).toBeLessThan(FLOW_CONTROL.highWatermark);
    expect(() => checkFlowControl()).not.toThrow();
  });

  it('refuses numbers that would let a page that drew everything keep a shell paused', () => {
    expect(() => checkFlowControl({ ...FLOW_CONTROL, ackBatch: FLOW_CONTROL.lowWatermark })).toThrow(
      new RegExp(
        `ack batch \\(${FLOW_CONTROL.lowWatermark}\\) < low watermark \\(${FLOW_CONTROL.lowWatermark}\\)`,
      ),
    );
  });

  it('are the numbers the page and the server actually use', () => {
    expect(ACK_BATCH_UNITS).toBe(FLOW_CONTROL.ackBatch);
    expect(FLOW.highWatermark).toBe(FLOW_CONTROL.highWatermark);
    expect(FLOW.lowWatermark).toBe(FLOW_CONTROL.lowWatermark);
  });
});
