from bleedwatch.streams.cli import main

main()
