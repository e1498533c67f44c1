Console.WriteLine("Course.Worker: not built yet");
return 1;
