OvercastCommand.main()
