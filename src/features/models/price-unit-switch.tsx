import { PRICE_UNITS, priceUnitLabel, type PriceUnit } from '../../byok/price-unit';
import { setPriceUnit, usePriceUnit } from '../../lib/use-price-unit';

/** "Prices: per 1M tokens | per 1K tokens" — a radio group, so it reads as one choice. */
export function PriceUnitSwitch() {
  const unit = usePriceUnit();
  return (
    <fieldset className="flex flex-wrap items-center gap-2 text-sm">
      <legend className="sr-only">Show prices</legend>
      <span aria-hidden="true" className="text-slate-600 dark:text-slate-400">Prices</span>
      {PRICE_UNITS.map((choice: PriceUnit) => (
        <label key={choice} className="inline-flex min-h-11 cursor-pointer items-center gap-1.5 rounded-lg px-2.5 ring-1 ring-inset ring-slate-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-brand-600 dark:ring-slate-700 dark:has-[:checked]:bg-brand-900/40">
          <input type="radio" name="price-unit" value={choice} checked={unit === choice} onChange={() => setPriceUnit(choice)} />
          {priceUnitLabel(choice)} tokens
        </label>
      ))}
    </fieldset>
  );
}
