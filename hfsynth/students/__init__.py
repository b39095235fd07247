"""The students stage: data-value students trained on the synthetic split, the seed, and a mix."""
