var appmsg = 1;
