"""Rate difference: current, normal quantile, Welch df, CR2 leverage, no zero-side floor."""

from _common import main, rate_variants

if __name__ == "__main__":
    main(rate_variants, strata=("cur", "z", "nofloor_t"))
