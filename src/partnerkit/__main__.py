from partnerkit.cli.app import main

main()
