from tally.cli.main import main

main()
