from twoway.cli import main

main()
