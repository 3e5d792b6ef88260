from lovkons.cli.main import main

main()
