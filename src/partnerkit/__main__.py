from partnerkit.cli import main

main()
