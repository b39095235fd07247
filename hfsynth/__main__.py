"""``python -m hfsynth`` and ``accelerate launch -m hfsynth`` / ``torchrun -m hfsynth`` entry point."""

from hfsynth.cli import main

if __name__ == "__main__":
    main()
