from multipolar.cli import main

main()
