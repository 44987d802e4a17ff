/** The page's variables (front matter `variables:`), kept in this browser and used by Run and Copy. */
import React from 'react';
import { useRuntime, useStoreValue } from '../../client/hooks';
import type { VariableValues } from '../../client/variables';
import type { PageVariable } from '../../remark/stepModel';
import styles from './styles.module.css';

const NO_VALUES: VariableValues = {};

export default function VariablesForm({
  variables,
}: {
  variables: Readonly<Record<string, PageVariable>>;
}): React.JSX.Element {
  const runtime = useRuntime();
  const values = useStoreValue<VariableValues, VariableValues>(runtime?.variables, NO_VALUES);
  return (
    <form
      className={styles.variables}
      aria-label="Variables for this page"
      onSubmit={(event) => event.preventDefault()}
    >
      <p className={styles.lead}>
        The steps on this page use {Object.keys(variables).length === 1 ? 'a value' : 'values'} only you know.
        Fill them in once: they are kept in this browser and put into the commands you run or copy.
      </p>
      {Object.entries(variables).map(([name, variable]) => (
        <div key={name} className={styles.field}>
          <label htmlFor={`rw-variable-${name}`}>
            <code>{name}</code>
            {variable.description ? <span> — {variable.description}</span> : null}
          </label>
          <input
            id={`rw-variable-${name}`}
            name={name}
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder={variable.example ?? ''}
            value={values[name] ?? ''}
            disabled={!runtime}
            onChange={(event) => runtime?.variables.setValue(name, event.target.value)}
          />
        </div>
      ))}
    </form>
  );
}
