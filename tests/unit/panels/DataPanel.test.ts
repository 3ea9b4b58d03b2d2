import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import DataPanel from '../../../src/lib/panels/DataPanel.svelte';
import { Playground } from '../../../src/lib/state/playground.svelte';
import { PageSettings } from '../../../src/lib/state/pageSettings.svelte';
import type { Trainer } from '../../../src/lib/state/trainer.svelte';

const people = 'height,weight,kind\n' + Array.from({ length: 40 }, (_, i) => `${150 + i},${50 + (i % 7)},${i % 2 ? 'tall' : 'short'}`).join('\n');
const colours = 'size,colour,label\n1,red,a\n2,blue,b\n3,red,a\n4,blue,b\n';

/** Text of the page with tags and Svelte's markers removed, spaces collapsed. */
function textOf(markup: string): string {
  return markup.replace(/<!--[^]*?-->/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

describe('DataPanel with an uploaded CSV', () => {
  it('offers a leave-out box for each column but the target', async () => {
    const playground = new Playground({} as Trainer, new PageSettings());
    playground.choose('csv');
    await playground.uploadCsv(new File([people], 'people.csv'));
    const { body } = render(DataPanel, { props: { playground } });
    expect(body.match(/data-testid="csv-ignore-checkbox"/g)).toHaveLength(2);
    expect(body).toContain('data-column="height"');
    expect(body).not.toContain('data-column="kind"');
    expect(textOf(body)).toContain('In use: people, 40 rows, 2 features');
  });

  it('after a new file fails to build, says whose columns the target list shows and that the old file is still in use', async () => {
    const playground = new Playground({} as Trainer, new PageSettings());
    playground.choose('csv');
    await playground.uploadCsv(new File([people], 'people.csv'));
    await playground.uploadCsv(new File([colours], 'colours.csv'));
    const text = textOf(render(DataPanel, { props: { playground } }).body);
    expect(text).toContain('target column of colours.csv');
    expect(text).toContain('colours.csv is not in use yet');
    expect(text).toContain('Still in use: people, 40 rows');
    expect(text).not.toContain('In use: people');
  });
});
