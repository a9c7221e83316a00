import { ImageBudget } from './image-budget';

describe('ImageBudget', () => {
  /** Runs jobs of the given pixel counts at once and records the most pixels in work together. */
  async function peakOf(budget: ImageBudget, sizes: number[]): Promise<number> {
    let current = 0;
    let peak = 0;
    await Promise.all(
      sizes.map((pixels) =>
        budget.run(pixels, async () => {
          current += pixels;
          peak = Math.max(peak, current);
          await new Promise((r) => setTimeout(r, 5));
          current -= pixels;
        }),
      ),
    );
    return peak;
  }

  it('lets small images run together within the budget', async () => {
    expect(await peakOf(new ImageBudget({ imagePixelBudget: 12_000_000 }), [3e6, 3e6, 3e6, 3e6])).toBe(12e6);
  });

  it('runs a large image alone, and one larger than the whole budget too (never waiting forever)', async () => {
    const budget = new ImageBudget({ imagePixelBudget: 12_000_000 });
    expect(await peakOf(budget, [12e6, 3e6, 12e6, 3e6])).toBe(12e6);
    expect(await peakOf(budget, [40e6, 40e6, 2e6])).toBe(40e6);
  });

  it('passes results and errors through, and frees its share either way', async () => {
    const budget = new ImageBudget({ imagePixelBudget: 4 });
    await expect(budget.run(4, async () => 'done')).resolves.toBe('done');
    await expect(budget.run(4, async () => Promise.reject(new Error('bad image')))).rejects.toThrow('bad image');
    await expect(budget.run(4, async () => 'again')).resolves.toBe('again');
  });

  it('serves in arrival order: a large image waiting is not overtaken by small ones', async () => {
    const budget = new ImageBudget({ imagePixelBudget: 10 });
    const order: string[] = [];
    const job = (name: string, pixels: number) =>
      budget.run(pixels, async () => {
        order.push(name);
        await new Promise((r) => setTimeout(r, 5));
      });
    await Promise.all([job('small-1', 4), job('large', 10), job('small-2', 4)]);
    expect(order).toEqual(['small-1', 'large', 'small-2']);
  });
});
