import { describe, expect, it } from 'vitest';
import { variablesSet, variablesUsed } from '../../server/checkPages/shellVariables';

describe('shell variables of a step', () => {
  it('reads $NAME and ${NAME...} but nothing in single quotes, escaped, or positional', () => {
    const command = `echo "$A \${B:-x} \\$C" '$D' $1 $? $(pwd)\nawk '{print $2}' && echo \${#E}`;
    expect(variablesUsed(command)).toEqual([
      { name: 'A', line: 0 },
      { name: 'B', line: 0 },
      { name: 'E', line: 1 },
    ]);
  });

  it('sees assignments, export, read and for loops', () => {
    const command = 'A=1 B+=2 cmd\nexport C=3 D\nread -r -p "name? " E F\nfor G in 1 2; do :; done';
    expect([...variablesSet(command)]).toEqual([
      ['A', 0],
      ['B', 0],
      ['C', 1],
      ['D', 1],
      ['E', 2],
      ['F', 2],
      ['G', 3],
    ]);
  });
});
