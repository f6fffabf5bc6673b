from partnerkit.cli import main

raise SystemExit(main())
